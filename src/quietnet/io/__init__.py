"""Import and export formats, one module per format, each pure text in and out.

``vcard`` (vCard 2.1, 3.0 and 4.0 in; ``vcardexport`` writes 3.0, both on
``contentline``, the content lines themselves), ``csvfile`` (Google Contacts
and any CSV with a header), ``linkedin`` (LinkedIn's Connections.csv),
``jsonfile`` (quietnet's own lossless export) and ``ics`` (birthdays and
suggested check-ins as iCalendar). ``contact`` holds the record every importer
produces and the checks its fields pass; ``files`` reads text strictly and
writes files atomically. Nothing here touches the store: ``store/transfer.py``
matches and writes, ``cli/transfer.py`` wires them together.
"""
