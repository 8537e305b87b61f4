// Debian's libxml2 is built with ICU, whose headers clash with Foundation's own
// ICU module; the parser API used here never touches the ICU parts.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
