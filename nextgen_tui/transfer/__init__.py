"""Files in and out: reading CSV and XLSX rosters, their cell values, the import plan
and its application, and every export (rosters, reports, letters, calendars).
"""
