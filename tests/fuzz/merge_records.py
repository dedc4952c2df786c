#!/usr/bin/env python3
"""Merges records files into one (the root of the first, the children of all): the compose fuzz
target reads one file, and a committee's records are spread over several.
Usage: merge_records.py OUT FILE..."""
import sys
import xml.etree.ElementTree as ET

ET.register_namespace("", "urn:wenshu:records:1")
root = ET.parse(sys.argv[2]).getroot()
for path in sys.argv[3:]:
    root.extend(list(ET.parse(path).getroot()))
ET.ElementTree(root).write(sys.argv[1], encoding="UTF-8", xml_declaration=True)
