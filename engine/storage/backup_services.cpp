#include "engine/storage/backup_services.hpp"

#include <atomic>

namespace basalt::engine::storage {

namespace {
std::atomic<BackupServices*> g_services{nullptr};
}

BackupServices* CurrentBackupServices() { return g_services.load(std::memory_order_acquire); }

void PublishBackupServices(BackupServices* services) { g_services.store(services, std::memory_order_release); }

}  // namespace basalt::engine::storage
