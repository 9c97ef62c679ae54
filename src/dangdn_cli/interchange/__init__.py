"""Sheets in and out: the columns officers' sheets use, as data (``sheets``,
``columns``), and how their cells are read and written (``cells``); reading
CSV and Excel files (``read``); importing enterprises, members and
organisations in one checked transaction (``importer`` runs the kinds, on the
``import_base`` importer); and exporting them back in the same columns
(``exporter``). Its errors are in ``errors``."""
