#ifndef TERWATCH_CINOTIFYTOOLS_SHIM_H
#define TERWATCH_CINOTIFYTOOLS_SHIM_H

#include <stdint.h>
#include <sys/inotify.h>
#include <inotifytools/inotifytools.h>

// Swift does not import the compound inotify macros; spell them out once here.
static const uint32_t terwatch_IN_ALL_EVENTS = IN_ALL_EVENTS;
static const uint32_t terwatch_IN_CLOSE = IN_CLOSE;
static const uint32_t terwatch_IN_MOVE = IN_MOVE;

#endif
