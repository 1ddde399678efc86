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

/// libxml2 prints some errors (encoding conversion failures) through its generic error function,
/// straight to stderr. Errors are collected through the structured handler instead, so the generic
/// one is silenced for the calling thread (libxml2 keeps it per thread).
static void citeproc_xml_ignore(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}
static inline void citeproc_xml_silence_generic_errors(void) {
  xmlSetGenericErrorFunc(NULL, citeproc_xml_ignore);
}

#endif
