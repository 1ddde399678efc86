@_exported import CiteprocData
