// Files become plain text for the model: Office, PDF and text formats, capped;
// binary, broken and hostile files give a clear note instead of garbage or a crash.
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { makeDocx, makePdf, makePptx, makeXlsx } from '../../emulators/graph/office-files.js';
import { extractText } from '../../src/graph/text-extraction.js';

describe('text extraction', () => {
  it('reads Word paragraphs, Excel rows and PowerPoint slides, decoding XML entities', async () => {
    assert.equal((await extractText({ bytes: makeDocx(['Budget & <plan>', 'Line 2']), name: 'a.docx', maxChars: 1000 })).text, 'Budget & <plan>\nLine 2');
    assert.equal((await extractText({ bytes: makeXlsx([['Team', 'Budget'], ['IT', 2300000]]), name: 'b.xlsx', maxChars: 1000 })).text, 'Team | Budget\nIT | 2300000');
    const pptx = await extractText({ bytes: makePptx([['Title'], ['Second slide']]), name: 'c.pptx', maxChars: 1000 });
    assert.equal(pptx.text, 'Slide 1\nTitle\n\nSlide 2\nSecond slide');
  });

  it('reads the text layer of a PDF', async () => {
    const pdf = await extractText({ bytes: makePdf(['Q3 budget review', 'Spent (310k)']), name: 'r.pdf', maxChars: 1000 });
    assert.equal(pdf.format, 'pdf');
    assert.equal(pdf.text, 'Q3 budget review\nSpent (310k)');
  });

  it('caps the text and says so', async () => {
    const out = await extractText({ bytes: strToU8('x'.repeat(5000)), name: 'big.txt', maxChars: 100 });
    assert.equal(out.text.length, 100);
    assert.equal(out.truncated, true);
  });

  it('describes binary, unknown, corrupt and fake files instead of returning their bytes', async () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]);
    assert.equal((await extractText({ bytes: binary, name: 'logo.png', maxChars: 100 })).format, 'unsupported');
    assert.equal((await extractText({ bytes: binary, name: 'notes.txt', maxChars: 100 })).format, 'unsupported');
    assert.match((await extractText({ bytes: strToU8('not a zip'), name: 'x.docx', maxChars: 100 })).note!, /not a readable Office document/);
    assert.match((await extractText({ bytes: strToU8('%PDF-1.4 garbage'), name: 'x.pdf', maxChars: 100 })).note!, /not a readable PDF/);
    assert.match((await extractText({ bytes: zipSync({ 'other.xml': strToU8('<a/>') }), name: 'x.docx', maxChars: 100 })).note!, /not a readable Word document/);
    assert.equal((await extractText({ bytes: new Uint8Array(0), name: 'empty.txt', maxChars: 100 })).text, '');
  });

  it('refuses a zip bomb without inflating it', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(80 * 1024 * 1024) }, { level: 1 });
    assert.ok(bomb.byteLength < 1024 * 1024);
    const out = await extractText({ bytes: bomb, name: 'bomb.docx', maxChars: 100 });
    assert.equal(out.format, 'unsupported');
    assert.match(out.note!, /expands to more data than allowed/);
  });

  it('stays linear on hostile markup (unclosed tags, entity floods)', async () => {
    const hostile = `<w:document><w:body><w:p><w:t>${'<'.repeat(50_000)}${'&amp;'.repeat(50_000)}</w:t></w:p>`;
    const doc = zipSync({ 'word/document.xml': strToU8(hostile) });
    const out = await extractText({ bytes: doc, name: 'h.docx', maxChars: 1000 });
    assert.equal(out.format, 'docx');
    assert.ok(out.text.length <= 1000);
  });
});
