// Debian's libxml2 is built with ICU, whose headers clash with Foundation's own
// ICU module; the parser API used here never touches the ICU parts.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

// libxml2 prints some errors raised outside a parser context ("xmlParseChunk:
// encoder error", a failed encoding conversion) to stderr through its generic
// handler; the readers take every error from the parser context instead.
// The handlers are per thread, so this is called for every parser.
static void imon_xml_ignore_generic(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static void imon_xml_ignore_structured(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

// libxml2 is loaded when first needed (dlopen), so its setters come as pointers.
static inline void imon_xml_silence_global_errors(void *setGeneric, void *setStructured) {
    ((void (*)(void *, xmlGenericErrorFunc))setGeneric)(NULL, imon_xml_ignore_generic);
    ((void (*)(void *, xmlStructuredErrorFunc))setStructured)(NULL, imon_xml_ignore_structured);
}
