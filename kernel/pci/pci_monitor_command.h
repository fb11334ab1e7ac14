// The debug monitor's `pci` command: lists PciBus::the() one function per line.
#pragma once

#include "kernel/lib/string_view.h"

class MonitorIo;

// Signature of MonitorCommand::run; register with
// monitor_register_command({ "pci", "PCI functions and their BARs", command_pci }).
void command_pci(MonitorIo& io, StringView arguments);
