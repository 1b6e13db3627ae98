/**
 * The standalone HTML export's stylesheet, and the plain site kit's. A
 * string module rather than a file under resources/: the export core runs in
 * main, the CLI (under tsx) and the renderer's preview alike, with no file
 * access, and must give the same bytes everywhere.
 */
export const exportStylesheet = `:root {
  color-scheme: light dark;
  --text: #1d1d1f;
  --muted: #5f6368;
  --rule: #d9d9de;
  --panel: #f5f5f7;
  --link: #0b57d0;
  --bg: #ffffff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #ececf1;
    --muted: #a8abb3;
    --rule: #3a3b40;
    --panel: #232428;
    --link: #8ab4f8;
    --bg: #17181b;
  }
}
body {
  margin: 0;
  padding: 2rem 1.25rem 4rem;
  color: var(--text);
  background: var(--bg);
  font: 1.125rem/1.65 Georgia, 'Times New Roman', serif;
}
article {
  max-width: 40rem;
  margin: 0 auto;
}
h1, h2, h3, h4 {
  font-family: system-ui, -apple-system, 'Segoe UI', sans-serif;
  line-height: 1.25;
}
h1 {
  font-size: 2.25rem;
  margin: 0 0 0.5rem;
}
a {
  color: var(--link);
}
img {
  max-width: 100%;
  height: auto;
}
blockquote {
  margin: 1.5rem 0;
  padding-left: 1rem;
  border-left: 4px solid var(--rule);
  color: var(--muted);
}
pre {
  overflow-x: auto;
  padding: 1rem;
  background: var(--panel);
}
table {
  border-collapse: collapse;
}
th, td {
  padding: 0.25rem 0.75rem;
  border: 1px solid var(--rule);
}
.copydesk-dek {
  font-size: 1.25rem;
  color: var(--muted);
}
.copydesk-byline {
  font: 0.9rem system-ui, sans-serif;
  color: var(--muted);
}
.copydesk-featured-image {
  margin: 1.5rem 0;
}
.copydesk-faq {
  margin: 2.5rem 0;
  border-top: 1px solid var(--rule);
}
.copydesk-faq-question {
  margin-bottom: 0.25rem;
}
.copydesk-promo {
  margin: 2rem 0;
  padding: 1rem 1.25rem;
  border: 1px solid var(--rule);
  border-radius: 8px;
  background: var(--panel);
  font-family: system-ui, sans-serif;
}
.copydesk-promo p {
  margin: 0.25rem 0;
}
.copydesk-promo-label {
  font-size: 0.75rem;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--muted);
}
.copydesk-related {
  margin-top: 3rem;
  border-top: 1px solid var(--rule);
}
`
