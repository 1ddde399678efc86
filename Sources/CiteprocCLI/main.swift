print("citeproc")
