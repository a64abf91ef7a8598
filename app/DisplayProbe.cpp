// Probing the session's display before the GUI starts (Wayland socket, X11 display of DISPLAY) with POSIX
// sockets.
#include "app/DisplayProbe.h"

#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace mtcsec::app {

namespace {

constexpr int kRemoteTimeoutMs = 3000;

std::string environment(const char* name)
{
    const char* v = std::getenv(name);
    return v != nullptr ? std::string(v) : std::string();
}

// Connects to a Unix-domain socket; `abstractName` uses Linux's abstract namespace (a leading NUL), where X
// servers also listen.
bool unixSocketAnswers(const std::string& path, bool abstractName)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::size_t offset = abstractName ? 1 : 0;
    if (path.empty() || path.size() + offset >= sizeof(address.sun_path))
        return false;
    std::memcpy(address.sun_path + offset, path.data(), path.size());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + offset + path.size() +
                                               (abstractName ? 0 : 1));
    const bool ok = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), length) == 0;
    ::close(fd);
    return ok;
}

// Connects to host:port over TCP, giving up after kRemoteTimeoutMs.
bool tcpAnswers(const std::string& host, int port)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0)
        return false;
    bool ok = false;
    for (const addrinfo* a = found; a != nullptr && !ok; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0)
            continue;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
            ok = true;
        } else if (errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            int error = 0;
            socklen_t size = sizeof(error);
            ok = ::poll(&p, 1, kRemoteTimeoutMs) == 1 &&
                 ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0;
        }
        ::close(fd);
    }
    ::freeaddrinfo(found);
    return ok;
}

// DISPLAY = [host]:number[.screen] (X(7) "Display names"); an empty host or "unix" is the local socket.
bool x11Answers(const std::string& display)
{
    const std::size_t colon = display.rfind(':');
    if (colon == std::string::npos)
        return false;
    const std::string host = display.substr(0, colon);
    const std::string rest = display.substr(colon + 1);
    const std::string number = rest.substr(0, rest.find('.'));
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos || number.size() > 5)
        return false;
    if (host.empty() || host == "unix") {
        const std::string path = "/tmp/.X11-unix/X" + number;
        return unixSocketAnswers(path, true) || unixSocketAnswers(path, false);
    }
    return tcpAnswers(host, 6000 + std::stoi(number));
}

// WAYLAND_DISPLAY: an absolute path, or a name in XDG_RUNTIME_DIR (wayland-client's rule).
bool waylandAnswers(const std::string& name)
{
    if (name.front() == '/')
        return unixSocketAnswers(name, false);
    const std::string runtime = environment("XDG_RUNTIME_DIR");
    return !runtime.empty() && unixSocketAnswers(runtime + "/" + name, false);
}

} // namespace

std::optional<std::string> displayProblem()
{
    // QT_QPA_PLATFORM = name[:options] (Qt's platform plugin): xcb is X only, wayland (wayland-egl) Wayland
    // only; any other plugin (offscreen, minimal, vnc, eglfs, ...) needs neither, and Qt decides.
    const std::string platformSetting = environment("QT_QPA_PLATFORM");
    const std::string platform = platformSetting.substr(0, platformSetting.find(':'));
    const bool xOnly = platform == "xcb";
    const bool waylandOnly = platform == "wayland" || platform == "wayland-egl";
    if (!platform.empty() && !xOnly && !waylandOnly)
        return std::nullopt;
    const std::string display = waylandOnly ? std::string() : environment("DISPLAY");
    const std::string wayland = xOnly ? std::string() : environment("WAYLAND_DISPLAY");
    const std::string_view advice =
        "; for a run without one use 'mtcsec run', or set QT_QPA_PLATFORM=offscreen";
    if (display.empty() && wayland.empty()) {
        if (xOnly)
            return "no display to open the window on (QT_QPA_PLATFORM=" + platformSetting +
                   " and DISPLAY is unset)" + std::string(advice);
        if (waylandOnly)
            return "no display to open the window on (QT_QPA_PLATFORM=" + platformSetting +
                   " and WAYLAND_DISPLAY is unset)" + std::string(advice);
        return "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset)" +
               std::string(advice);
    }
    if ((!wayland.empty() && waylandAnswers(wayland)) || (!display.empty() && x11Answers(display)))
        return std::nullopt;
    std::string tried;
    if (!display.empty())
        tried = "no X server answers at DISPLAY=" + display;
    if (!wayland.empty())
        tried += (tried.empty() ? "" : " and ") + std::string("no Wayland compositor at WAYLAND_DISPLAY=") +
                 wayland;
    return "cannot open a display: " + tried + std::string(advice);
}

} // namespace mtcsec::app
