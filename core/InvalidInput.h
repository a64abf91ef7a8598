// The error the core raises for bad input from a user: a wrong hex string, a key of the wrong size, a bad
// field. Its message is one line that names what is wrong; front-ends print it and exit 2 or show it in a
// dialog.
#pragma once

#include <stdexcept>
#include <string>

namespace mtcsec {

class InvalidInput : public std::invalid_argument {
public:
    explicit InvalidInput(const std::string& what)
        : std::invalid_argument(what)
    {}
};

} // namespace mtcsec
