// Checks of a JSON text that a JSON parser's tree can no longer show (RFC 8259 section 4 leaves duplicate
// names undefined; Qt keeps the last): every object's keys are unique, and no string holds a control
// character, a lone surrogate or bytes that are not UTF-8 (RFC 8259 section 8.1).
#pragma once

#include <QByteArray>

namespace mtcsec::json {

// Walks `json` (already known to be well-formed JSON) and throws InvalidInput for the first problem in text
// order, naming it by its JSON path:
//   "devices: given twice"
//   "attacks[0].id: contains a control character (U+0000)"
//   "name: contains a lone surrogate (U+D800)"
//   "description: is not valid UTF-8"
//   "network: a key contains a control character (U+001B)" (a key's own problems name the object).
// Control characters are U+0000-U+001F and U+007F-U+009F, escaped or not. Runs in linear time and constant
// stack, whatever the nesting. Text that is not well-formed JSON ends the walk without an error.
void checkJsonText(const QByteArray& json);

} // namespace mtcsec::json
