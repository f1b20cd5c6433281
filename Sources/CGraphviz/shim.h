// Umbrella header for the CGraphviz system-library module.
//
// Debian installs the headers in /usr/include/graphviz, which is on the default include path
// as <graphviz/...>, so this builds even without pkg-config. Homebrew's pkg-config only adds
// .../include/graphviz, so fall back to <gvc.h> there (notes §3.2, variants A and B).
// gvc.h includes types.h, which includes cgraph.h and cdt.h with quoted includes that resolve
// relative to gvc.h itself.
#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H

#if __has_include(<graphviz/gvc.h>)
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#else
#include <gvc.h>
#include <cgraph.h>
#endif

#endif
