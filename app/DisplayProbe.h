// Whether the window can open on the session's display, asked before QApplication exists (Qt aborts the
// process when its platform plugin finds no display): the Wayland socket (Wayland protocol,
// "wl_display_connect") and the X11 display of DISPLAY (X Window System protocol, section "Connection Setup":
// the local socket /tmp/.X11-unix/XN, or TCP port 6000+N on a host), probed with POSIX connect(2).
#pragma once

#include <optional>
#include <string>

namespace mtcsec::app {

// The one line (without "mtcsec: " and the newline) saying why no window can open, or nothing when a display
// answers. QT_QPA_PLATFORM (name[:options]) narrows the probe: xcb probes X only, wayland or wayland-egl
// Wayland only, any other platform (offscreen, minimal, vnc, eglfs, ...) is left to Qt (nothing). Reads
// DISPLAY, WAYLAND_DISPLAY, XDG_RUNTIME_DIR and QT_QPA_PLATFORM. A display that accepts the connection but
// refuses the client (X authority) is not detected: Qt reports it. Never throws; a remote X host is given at
// most 3 s to answer.
[[nodiscard]] std::optional<std::string> displayProblem();

} // namespace mtcsec::app
