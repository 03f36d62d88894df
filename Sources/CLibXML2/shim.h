// The only C in mentordocs: libxml2's headers plus wrappers for what Swift 6 cannot call directly.
#ifndef MENTORDOCS_CLIBXML2_SHIM_H
#define MENTORDOCS_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its headers would pull in the system's ICU, which clashes with
// Foundation's bundled copy. We never touch encoding handlers' fields, only pass pointers.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlIO.h>
#include <libxml/catalog.h>
#include <libxml/HTMLtree.h>
#include <libxml/uri.h>

/// xmlFree is a mutable C global, which Swift 6 rejects; call it through a function.
static inline void mentordocs_xmlFree(void *p) { xmlFree(p); }
/// xmlParserVersion is a macro in threaded builds.
static inline const char *mentordocs_xmlParserVersion(void) { return xmlParserVersion; }
#endif
