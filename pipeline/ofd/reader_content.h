// Internal to the OFD reader: interpreting a page description (layers, page blocks, text,
// path, image and composite objects): references are checked against the resources, text is
// extracted with every character's page position.
#pragma once
#include <string>
#include <vector>

#include "ofd/reader.h"
#include "ofd/reader_parts.h"

struct _xmlNode;

namespace wenshu::ofd::detail {

/// What interpreting pages finds besides text, for the archive profile.
struct ContentFacts {
  bool actions = false;          ///< an Action other than Goto
};

/// Reads the Content element (layers) of the page description `page_root` (a <Page> element of
/// part `part`) into `out`, checking every reference against `res`. Throws ReadFailure.
void read_page_content(const _xmlNode* page_root, const std::string& part, Resources& res, PartLoader& loader,
                       PageText& out, ContentFacts& facts);

/// True when an <Actions> element holds only Goto actions (the one kind OFD-A allows).
bool only_goto_actions(const _xmlNode* actions);

}  // namespace wenshu::ofd::detail
