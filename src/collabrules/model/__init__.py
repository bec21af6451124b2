"""The domain model: cases, findings, reports, verdicts, vocabularies and bilingual text.

Imports nothing else from collabrules (docs/decisions/0016-layout-by-role.md).
"""
