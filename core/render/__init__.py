"""CSV, XLSX and PDF files built by this app from the JSON report ("this app's layout").

The export engine hands the same ordered, de-duplicated stream of items it writes as JSON
to an item sink (`sinks.RenderItemSink`: `add(item)` … `close(totals)`), or the merged
summary/weekly document to a document sink (`sinks.RenderDocumentSink.write`). Rows go
to the file as they arrive (`csv_writer`, `xlsx_writer`, `pdf_writer` on `pdf_doc`), and the
file's totals are checked against the report's before it is committed (`totals`).
`choice` decides when Clockify's own file is complete enough to use instead.

Importing this package loads nothing heavy: each format's library loads when it is used.
"""
