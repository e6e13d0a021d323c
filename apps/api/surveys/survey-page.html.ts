// The customer-facing survey page: plain HTML, no script, everything interpolated escaped.

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title></head>
<body style="font-family: sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem">
<h1>${escape(title)}</h1>
${body}
</body></html>`;
}

export function surveyFormPage(token: string): string {
  const scores = [1, 2, 3, 4, 5]
    .map((score) => `<label style="margin-right: 1rem"><input type="radio" name="score" value="${score}" required> ${score}</label>`)
    .join('\n');
  return page(
    'How did we do?',
    `<form method="post" action="survey">
<input type="hidden" name="token" value="${escape(token)}">
<p>1 = very unsatisfied, 5 = very satisfied</p>
<p>${scores}</p>
<p><label>Anything to add? (optional)<br><textarea name="comment" rows="4" cols="40" maxlength="5000"></textarea></label></p>
<p><button type="submit">Send</button></p>
</form>`,
  );
}

export function surveyResultPage(title: string, message: string): string {
  return page(title, `<p>${escape(message)}</p>`);
}
