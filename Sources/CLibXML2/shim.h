#ifndef CITEPROC_CLIBXML2_SHIM_H
#define CITEPROC_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and its encoding header then pulls in the system ICU headers,
 * whose declarations clash with the ICU copy inside Foundation when both are visible in one Swift
 * module. The parser is used only through pointers, so the ICU-only fields at the end of
 * xmlCharEncodingHandler are never touched; hide them. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer; Swift 6 rejects it as shared mutable state.
static inline void citeproc_xml_free(void *pointer) { xmlFree(pointer); }

#endif
