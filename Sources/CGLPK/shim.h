/* GLPK has no pkg-config file; Debian's libglpk-dev puts glpk.h on the default path. */
#include <glpk.h>
