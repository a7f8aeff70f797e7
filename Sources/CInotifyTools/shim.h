#ifndef TERWATCH_CINOTIFYTOOLS_SHIM_H
#define TERWATCH_CINOTIFYTOOLS_SHIM_H

#include <stdint.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/inotify.h>
#include <inotifytools/inotifytools.h>

// Swift does not import the compound inotify macros; spell them out once here.
static const uint32_t terwatch_IN_ALL_EVENTS = IN_ALL_EVENTS;
static const uint32_t terwatch_IN_CLOSE = IN_CLOSE;
static const uint32_t terwatch_IN_MOVE = IN_MOVE;

// Swift does not import the flexible `name` member of `struct inotify_event`.
static inline const char *terwatch_inotify_event_name(const struct inotify_event *event) {
    return event->len > 0 ? event->name : "";
}

// The kernel id of the calling thread (its /proc/self/task entry); glibc's gettid() is not imported.
static inline int32_t terwatch_gettid(void) {
    return (int32_t)syscall(SYS_gettid);
}

#endif
