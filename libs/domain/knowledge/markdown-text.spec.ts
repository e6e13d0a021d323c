import { markdownToText } from './markdown-text.js';

describe('markdownToText', () => {
  it.each<[string, string, string]>([
    ['headings lose their hashes', '# Reset\n## Your password', 'Reset Your password'],
    ['emphasis and strike-through go, the words stay', 'This is **very** _important_ and ~~old~~', 'This is very important and old'],
    ['snake_case words are not italics', 'set max_login_attempts to 5', 'set max_login_attempts to 5'],
    ['links keep their text, not their target', 'See [the guide](https://example.com/guide).', 'See the guide.'],
    ['images keep their alt text', '![Login screen](/img/login.png)', 'Login screen'],
    ['list markers go', '- one\n* two\n+ three\n1. four\n2) five', 'one two three four five'],
    ['block quotes lose their marker', '> Note: back up first', 'Note: back up first'],
    ['code fences go, the code stays', '```bash\nnpm start\n```', 'npm start'],
    ['inline code keeps its text', 'Run `npm test` now', 'Run npm test now'],
    ['horizontal rules go', 'above\n\n---\n\nbelow', 'above below'],
    ['HTML is left as text (escaped later, never rendered)', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['Windows line ends', 'a\r\nb', 'a b'],
  ])('%s', (_case, markdown, text) => {
    expect(markdownToText(markdown)).toBe(text);
  });
});
