// libyaml's header, for the one Swift owner of its parser (Participants/YAMLEventReader.swift).
#ifndef MENTORDOCS_CYAML_SHIM_H
#define MENTORDOCS_CYAML_SHIM_H
#include <yaml.h>
#endif
