#!/usr/bin/env python3
"""Reads a wenshu build record (OUT/build-record.xml) for the e2e tests.

  build_record.py RECORD documents   one line per document: state<TAB>id<TAB>first file
  build_record.py RECORD dossiers    one line per dossier: state<TAB>committee/year<TAB>files
  build_record.py RECORD outputs     one line per output file: sha256<TAB>path (sorted)
  build_record.py RECORD id          the build id
"""
import sys
import xml.etree.ElementTree as ET

NS = "{urn:wenshu:build-record:1}"


def main():
    root = ET.parse(sys.argv[1]).getroot()
    what = sys.argv[2]
    if what == "id":
        print(root.get("id"))
    elif what == "documents":
        for d in root.iter(NS + "document"):
            files = [f.get("path") for f in d.findall(NS + "file")]
            print("\t".join([d.get("state"), d.get("id"), files[0] if files else ""]))
    elif what == "dossiers":
        for d in root.iter(NS + "dossier"):
            files = " ".join(f.get("path") for f in d.findall(NS + "file"))
            print("\t".join([d.get("state"), d.get("committee") + "/" + d.get("year"), files]))
    elif what == "outputs":
        out = []
        for parent in list(root.iter(NS + "document")) + list(root.iter(NS + "dossier")):
            for f in parent.findall(NS + "file"):
                out.append(f.get("sha256") + "\t" + f.get("path"))
        print("\n".join(sorted(out)))
    else:
        sys.exit("unknown query " + what)


if __name__ == "__main__":
    main()
