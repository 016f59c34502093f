"""Reports to the Security Council (Capstone §4.1, §4.3): assembled from the records, kept in
versions, printed as a page, a PDF and a DOCX. Sits above every area app."""
