import { ruleCases } from "../../testing";

const TS = `import { generateText } from "ai";\nconst { text } = await generateText({ model, prompt });\n`;

ruleCases("model-output-to-html", {
  valid: [
    { code: `${TS}element.textContent = text;\n`, language: "typescript" },
    { code: `import DOMPurify from "dompurify";\n${TS}element.innerHTML = DOMPurify.sanitize(text);\n`, language: "typescript" },
    { code: `import DOMPurify from "dompurify";\n${TS}const clean = DOMPurify.sanitize(text);\nelement.innerHTML = clean;\n`, language: "typescript" },
    { code: `import bleach\nfrom markupsafe import Markup\nfrom openai import OpenAI\nc = OpenAI()\nr = c.chat.completions.create(model="m", messages=[])\nhtml = Markup(bleach.clean(r.choices[0].message.content))\n` },
  ],
  invalid: [
    { code: `${TS}element.innerHTML = text;\n`, language: "typescript", message: /reaches `innerHTML`: a prompt injection becomes script/, output: null },
    {
      code: `import DOMPurify from "dompurify";\n${TS}element.innerHTML = text;\n`,
      language: "typescript",
      output: `import DOMPurify from "dompurify";\n${TS}element.innerHTML = DOMPurify.sanitize(text);\n`,
      safety: "unsafe",
    },
    { code: `import { generateText } from "ai";\nexport async function Answer() {\n  const { text } = await generateText({ model, prompt });\n  return <div dangerouslySetInnerHTML={{ __html: text }} />;\n}\n`, language: "tsx", message: /`dangerouslySetInnerHTML`/, output: null },
    {
      code: `import bleach\nfrom markupsafe import Markup\nfrom openai import OpenAI\nc = OpenAI()\nr = c.chat.completions.create(model="m", messages=[])\nhtml = Markup(r.choices[0].message.content)\n`,
      output: `import bleach\nfrom markupsafe import Markup\nfrom openai import OpenAI\nc = OpenAI()\nr = c.chat.completions.create(model="m", messages=[])\nhtml = Markup(bleach.clean(r.choices[0].message.content))\n`,
    },
  ],
});
