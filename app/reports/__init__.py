"""What leaves Boinnsyn: the PDF case reports and the spreadsheet exports.

`case_report.write_case_report` writes the report of a case in the kind its service calls for
(bankruptcy, estate, guardianship control); `exports` writes transactions, summaries and the
request log as XLSX or CSV. Nothing here imports Qt, and nothing here writes SQL: the data
comes from `app.store.report_queries` and the other store modules.
"""
