#ifndef CITEPROC_CLIBXML2_SHIM_H
#define CITEPROC_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer; Swift 6 rejects it as shared mutable state.
static inline void citeproc_xml_free(void *pointer) { xmlFree(pointer); }

#endif
