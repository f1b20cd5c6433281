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

// Not in the public headers, but exported by libcgraph (lib/cgraph/scan.l: `YY_FLUSH_BUFFER`).
// The DOT lexer keeps whatever it read past the end of a graph and feeds it into the next
// parse; agconcat flushes only after a failed parse. StakeMapGraphviz flushes before every
// parse (DOTReader.swift).
extern void aglexbad(void);

#endif
