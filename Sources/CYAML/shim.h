// libyaml (Debian libyaml-dev, pkg-config yaml-0.1): StakeMapFormats uses its event API
// (yaml_parser_parse), which reports a line and column for every scalar and collection.
#include <yaml.h>
