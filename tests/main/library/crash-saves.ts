const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })

/** The fields of save number n: the crash test checks that an article's title, dek and body all come from one save. */
export const saveFields = (n: number) => ({ title: `Save ${n}`, dek: `save ${n}`, body: paragraph(`Body of save ${n}.`) })
