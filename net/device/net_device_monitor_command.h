// The debug monitor's `netdev` command: one block per registered network device.
#pragma once

#include "kernel/lib/string_view.h"

class MonitorIo;

void command_netdev(MonitorIo& io, StringView arguments);
