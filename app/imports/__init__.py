"""Statement files and bank exports brought in by the user: camt.052/053/054, CSV and XLSX.

`camt` reads ISO 20022 statements, `tabular` reads the banks' CSV and XLSX exports, `errors`
holds what both raise. Every reader yields the source-independent records of
`app.domain.records`; none of them imports Qt.
"""
