// Device IDs of the 8254x family (Software Developer's Manual, section 5.2).
// QEMU's `e1000` is the 82540EM (100e); `e1000-82544gc` and `e1000-82545em` also exist.
#include "net/e1000/e1000_models.h"

namespace e1000 {
namespace {

constexpr E1000Model MODELS[] = {
    { 0x1008, "82544EI", EERD_LARGE },
    { 0x1009, "82544EI", EERD_LARGE },
    { 0x100C, "82544GC", EERD_LARGE },
    { 0x100D, "82544GC", EERD_LARGE },
    { 0x100E, "82540EM", EERD_LARGE },
    { 0x1015, "82540EM", EERD_LARGE },
    { 0x1016, "82540EP", EERD_LARGE },
    { 0x1017, "82540EP", EERD_LARGE },
    { 0x101E, "82540EP", EERD_LARGE },
    { 0x100F, "82545EM", EERD_LARGE },
    { 0x1011, "82545EM", EERD_LARGE },
    { 0x1026, "82545GM", EERD_LARGE },
    { 0x1027, "82545GM", EERD_LARGE },
    { 0x1028, "82545GM", EERD_LARGE },
    { 0x1010, "82546EB", EERD_LARGE },
    { 0x1012, "82546EB", EERD_LARGE },
    { 0x101D, "82546EB", EERD_LARGE },
    { 0x1079, "82546GB", EERD_LARGE },
    { 0x107A, "82546GB", EERD_LARGE },
    { 0x107B, "82546GB", EERD_LARGE },
    { 0x1013, "82541EI", EERD_SMALL },
    { 0x1018, "82541EI", EERD_SMALL },
    { 0x1076, "82541GI", EERD_SMALL },
    { 0x1077, "82541GI", EERD_SMALL },
    { 0x1078, "82541ER", EERD_SMALL },
    { 0x107C, "82541PI", EERD_SMALL },
    { 0x1019, "82547EI", EERD_SMALL },
    { 0x101A, "82547EI", EERD_SMALL },
    { 0x1075, "82547GI", EERD_SMALL },
};

} // namespace

E1000Model const* find_model(u16 vendor_id, u16 device_id)
{
    if (vendor_id != INTEL_VENDOR_ID)
        return nullptr;
    for (E1000Model const& model : MODELS) {
        if (model.device_id == device_id)
            return &model;
    }
    return nullptr;
}

} // namespace e1000
