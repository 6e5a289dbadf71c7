//===--- Audit.h - codebase summaries ----------------------------*- C++ -*-===//

#ifndef ASYNCLINT_DRIVER_AUDIT_H
#define ASYNCLINT_DRIVER_AUDIT_H

#include "Report.h"

namespace asynclint {
std::string renderAuditMarkdown(const Report &R, SourceFiles &Sources);
/// One self-contained page: no scripts, fonts or images from elsewhere.
std::string renderAuditHTML(const Report &R, SourceFiles &Sources);
} // namespace asynclint

#endif
