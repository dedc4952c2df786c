#!/usr/bin/env python3
"""Writes a synthetic submission for the archive e2e tests: N minimal PDFs with their sidecars
(<name>.pdf.xml, schemas/filed-document.xsd), as the render job would leave them.
Usage: archive_make_submission.py OUTDIR COUNT"""
import hashlib, os, sys

KINDS = [("通知", "ZH"), ("调研报告", "DY"), ("会议纪要", "TG"), ("请假条", "JD"), ("督查通知", "DB"), ("咨询论证报告", "ZX")]

def pdf(pages, tag):
    out = b"%PDF-1.7\n"
    offs = []
    def obj(body):
        nonlocal out
        offs.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (len(offs), body)
    obj(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    obj(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    obj(b"<< /Title (%s) >>" % tag.encode())
    for _ in range(pages):
        obj(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offs) + 1, x)
    return out

def main():
    outdir, count = sys.argv[1], int(sys.argv[2])
    for i in range(count):
        kind, reg = KINDS[i % len(KINDS)]
        pages = 1 + i % 3
        d = os.path.join(outdir, kind)
        os.makedirs(d, exist_ok=True)
        name = "doc-%05d.pdf" % i
        data = pdf(pages, "doc %d" % i)
        open(os.path.join(d, name), "wb").write(data)
        month, day = 1 + i % 12, 1 + i % 28
        xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<filed-document xmlns="urn:wenshu:filed-document:1" version="1">
  <committee id="ganzhou" fonds="">中共张掖市甘州区委员会</committee>
  <year>2024</year>
  <regulation>{reg}</regulation>
  <kind>{kind}</kind>
  <title>关于第{i + 1}项工作的{kind}</title>
  <doc-number>甘区委发〔2024〕{i + 1}号</doc-number>
  <author>中共张掖市甘州区委员会</author>
  <date>2024-{month:02d}-{day:02d}</date>
  <components>
    <component role="正本" pages="{pages}" format="PDF/A-2u" sha256="{hashlib.sha256(data).hexdigest()}">{name}</component>
  </components>
  <source-records>
    <record>rec-{i}</record>
  </source-records>
</filed-document>
"""
        open(os.path.join(d, name + ".xml"), "w", encoding="utf-8").write(xml)

main()
