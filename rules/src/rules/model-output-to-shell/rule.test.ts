import { ruleCases } from "../../testing";

const PY = `import subprocess\nimport os\nfrom openai import OpenAI\nc = OpenAI()\nr = c.chat.completions.create(model="m", messages=[])\ncommand = r.choices[0].message.content\n`;

ruleCases("model-output-to-shell", {
  valid: [
    { code: `${PY}subprocess.run(["git", "log", command])\n` },
    { code: `${PY}subprocess.run(command.split())\n` },
    { code: `${PY}subprocess.run("ls", shell=True)\n` },
    { code: `import { execFile } from "node:child_process";\nimport { generateText } from "ai";\nconst { text } = await generateText({ model, prompt });\nexecFile("grep", [text, "log.txt"]);\n`, language: "typescript" },
  ],
  invalid: [
    { code: `${PY}os.system(command)\n`, message: /reaches `os\.system`: a prompt injection becomes a shell command/, output: null },
    { code: `${PY}subprocess.run(command, shell=True)\n`, message: /`subprocess\.run`/, output: null },
    { code: `import subprocess as sp\nfrom openai import OpenAI\nc = OpenAI()\nr = c.chat.completions.create(model="m", messages=[])\nsp.check_output(f"echo {r.choices[0].message.content}", shell=True)\n`, output: null },
    { code: `import { exec } from "child_process";\nimport { generateText } from "ai";\nconst { text } = await generateText({ model, prompt });\nexec(text);\n`, language: "typescript", message: /`child_process\.exec`/, output: null },
  ],
});
