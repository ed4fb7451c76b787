// Backup manifest codec, backup directory checks, archive record codec and
// archive segment writer/reader, and archive replay into a store.
#include <catch2/catch.hpp>

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <fstream>

#include "engine/error/db_error.hpp"
#include "engine/storage/archive_replay.hpp"
#include "engine/storage/backup_manifest.hpp"
#include "engine/storage/backup_writer.hpp"
#include "engine/storage/file_digest.hpp"
#include "engine/storage/store.hpp"
#include "engine/storage/version_key.hpp"
#include "engine/storage/wal_archive.hpp"
#include "engine/storage/wal_archiver.hpp"
#include "tests/unit/temp_dir.hpp"

using namespace basalt::engine::storage;
using basalt::engine::DbError;
using basalt::test::TempDir;

namespace {

BackupManifest Sample() {
  BackupManifest m;
  m.label = "nightly";
  m.start_ts = 123456789;
  m.stop_ts = 123456999;
  m.start_time_us = 1'790'000'000'000'000;
  m.stop_time_us = 1'790'000'000'500'000;
  m.wal_seq = 42;
  m.incremental_from = "/backups/prev";
  m.files.push_back({"basalt.conf", 10, Sha256Hex("0123456789")});
  m.files.push_back({"store/000012.sst", 3, Sha256Hex("abc")});
  return m;
}

void WriteText(const std::filesystem::path& p, const std::string& s) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

}  // namespace

TEST_CASE("manifest round-trips and detects tampering", "[backup]") {
  BackupManifest m = Sample();
  std::string text = EncodeManifest(m);
  REQUIRE(DecodeManifest(text) == m);
  REQUIRE(m.TotalBytes() == 13);
  REQUIRE(m.Find("store/000012.sst") != nullptr);
  REQUIRE(m.Find("nope") == nullptr);

  SECTION("a changed byte fails the manifest checksum") {
    std::string bad = text;
    bad[bad.find("000012")] = '9';
    REQUIRE_THROWS_WITH(DecodeManifest(bad), Catch::Contains("checksum mismatch"));
  }
  SECTION("truncation is detected") {
    REQUIRE_THROWS_WITH(DecodeManifest(text.substr(0, text.size() / 2)), Catch::Contains("corrupted"));
    std::string no_sum = text.substr(0, text.find("manifest_sha256"));
    REQUIRE_THROWS_WITH(DecodeManifest(no_sum), Catch::Contains("missing manifest_sha256"));
  }
  SECTION("foreign files are rejected") {
    REQUIRE_THROWS_WITH(DecodeManifest("hello\n"), Catch::Contains("bad first line"));
    REQUIRE_THROWS(DecodeManifest(""));
  }
  SECTION("labels cannot break the line format") {
    m.label = "two\nlines";
    REQUIRE(DecodeManifest(EncodeManifest(m)).label == "two lines");
  }
}

TEST_CASE("backup paths must stay inside the backup", "[backup]") {
  REQUIRE(IsSafeBackupPath("store/000012.sst"));
  REQUIRE(IsSafeBackupPath("basalt.conf"));
  REQUIRE_FALSE(IsSafeBackupPath("/etc/passwd"));
  REQUIRE_FALSE(IsSafeBackupPath("store/../../x"));
  REQUIRE_FALSE(IsSafeBackupPath("a//b"));
  REQUIRE_FALSE(IsSafeBackupPath(""));
  REQUIRE_FALSE(IsSafeBackupPath("a\nb"));
  BackupManifest m = Sample();
  m.files[0].path = "../x";
  REQUIRE_THROWS(EncodeManifest(m));
}

TEST_CASE("SHA-256 and CRC-32 known answers", "[backup]") {
  REQUIRE(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  REQUIRE(Crc32("123456789") == 0xCBF43926u);
  REQUIRE(FormatUnixMicros(1'000'000'000'123'456) == "2001-09-09 01:46:40.123456+00");
}

TEST_CASE("backup writer: marker, checksums, incremental reuse, verify", "[backup]") {
  TempDir tmp;
  BackupManifest listing;
  listing.files.push_back({"basalt.conf", 10, Sha256Hex("0123456789")});
  listing.files.push_back({"store/000012.sst", 3, Sha256Hex("abc")});
  std::map<std::string, std::string> content{{"basalt.conf", "0123456789"}, {"store/000012.sst", "abc"}};
  int reads = 0;
  auto reader = [&](const BackupFile& f, uint64_t off, size_t len) {
    ++reads;
    return content[f.path].substr(off, len);
  };
  auto full = tmp.path() / "full";
  {
    BackupWriter w(full, std::nullopt);
    REQUIRE(std::filesystem::exists(full / kInProgressFileName));
    w.CopyFiles(listing, reader, {});
    // Interrupted here: verify refuses.
    REQUIRE_THROWS_WITH(ReadManifest(full), Catch::Contains("incomplete"));
    w.Finish(listing);
  }
  REQUIRE_FALSE(std::filesystem::exists(full / kInProgressFileName));
  REQUIRE(ReadManifest(full) == listing);
  REQUIRE(CheckBackupFiles(full, listing).empty());
  REQUIRE(reads == 2);

  SECTION("a non-empty target is refused") {
    REQUIRE_THROWS_WITH(BackupWriter(full, std::nullopt), Catch::Contains("not empty"));
  }
  SECTION("incremental backups link unchanged files") {
    listing.files[0] = {"basalt.conf", 5, Sha256Hex("hello")};
    content["basalt.conf"] = "hello";
    reads = 0;
    auto inc = tmp.path() / "inc";
    BackupWriter w(inc, full);
    w.CopyFiles(listing, reader, {});
    w.Finish(listing);
    REQUIRE(reads == 1);
    REQUIRE(w.reused_files() == 1);
    REQUIRE(CheckBackupFiles(inc, listing).empty());
  }
  SECTION("a corrupted byte names the file") {
    {
      std::fstream f(full / "store/000012.sst", std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(1);
      f.put('X');
    }
    auto problems = CheckBackupFiles(full, listing);
    REQUIRE(problems.size() == 1);
    REQUIRE_THAT(problems[0], Catch::Contains("store/000012.sst") && Catch::Contains("checksum"));
  }
  SECTION("data that arrives damaged fails the copy") {
    content["store/000012.sst"] = "abd";
    BackupWriter w(tmp.path() / "bad", std::nullopt);
    REQUIRE_THROWS_WITH(w.CopyFiles(listing, reader, {}), Catch::Contains("store/000012.sst"));
  }
}

TEST_CASE("archive records round-trip and torn tails are cut", "[archive]") {
  ArchiveRecord a{ArchiveRecordKind::kBatch, 17, 3, 99999, std::string("batch\0bytes", 11)};
  ArchiveRecord b{ArchiveRecordKind::kRestorePoint, 20, 0, 100000, "before_upgrade"};
  std::string buf;
  EncodeArchiveRecord(a, buf);
  EncodeArchiveRecord(b, buf);
  ArchiveRecord out;
  auto n = DecodeArchiveRecord(buf, out);
  REQUIRE(n);
  REQUIRE(out == a);
  REQUIRE(DecodeArchiveRecord(std::string_view(buf).substr(*n), out));
  REQUIRE(out == b);
  REQUIRE_FALSE(DecodeArchiveRecord(std::string_view(buf).substr(0, *n - 1), out));
  std::string flipped = buf;
  flipped[10] ^= 1;
  REQUIRE_FALSE(DecodeArchiveRecord(flipped, out));

  TempDir tmp;
  {
    ArchiveWriter w(tmp.path());
    REQUIRE(w.next_seq() == 0);
    w.Append(a);
    w.Append(b);
    w.Sync();
    REQUIRE(w.next_seq() == 20);
  }
  // A crash mid-append leaves garbage at the end of the segment.
  auto seg = ListSegments(tmp.path());
  REQUIRE(seg.size() == 1);
  REQUIRE(seg[0].filename() == SegmentFileName(17));
  { std::ofstream(seg[0], std::ios::app | std::ios::binary) << "\x10\x00\x00"; }
  std::vector<ArchiveRecord> seen;
  ForEachArchiveRecord(tmp.path(), [&](const ArchiveRecord& r) {
    seen.push_back(r);
    return true;
  });
  REQUIRE(seen.size() == 2);
  {
    ArchiveWriter w(tmp.path());  // reopening cuts the tail and resumes
    REQUIRE(w.next_seq() == 20);
    w.Append(ArchiveRecord{ArchiveRecordKind::kBatch, 20, 1, 100001, "x"});
    w.Sync();
  }
  seen.clear();
  ForEachArchiveRecord(tmp.path(), [&](const ArchiveRecord& r) {
    seen.push_back(r);
    return true;
  });
  REQUIRE(seen.size() == 3);
  REQUIRE(seen[2].seq == 20);
}

TEST_CASE("archiver copies commits and replay honours the target", "[archive]") {
  TempDir tmp;
  auto src_dir = tmp.path() / "src";
  auto archive = tmp.path() / "archive";
  Store::Create(src_dir);
  StoreOptions opts;
  opts.wal_ttl_seconds = 3600;
  auto src = Store::Open(src_dir, opts);
  WalArchiver archiver(*src, archive);
  // A base "backup": a checkpoint and its sequence number.
  auto base = tmp.path() / "base";
  src->CreateCheckpoint(base);
  const uint64_t base_seq = src->raw_db()->GetLatestSequenceNumber();
  auto put = [&](const std::string& k, uint64_t ts) {
    Mutation m{Cf::kRows, k, std::string("v") + k};
    src->Commit({&m, 1}, Timestamp{ts}, true);
  };
  put("a", 1000);
  put("b", 2000);
  archiver.CreateRestorePoint("mid", 2500);
  put("c", 3000);
  {
    // One WAL batch holding two commits, as RocksDB's group commit writes them.
    rocksdb::WriteBatch wb;
    wb.Put(src->cf_handle(Cf::kRows), VersionKey("d", Timestamp{1500}), EncodeVersionValue(std::optional<std::string>("vd")));
    wb.Put(src->cf_handle(Cf::kRows), VersionKey("e", Timestamp{3500}), EncodeVersionValue(std::optional<std::string>("ve")));
    REQUIRE(src->raw_db()->Write(rocksdb::WriteOptions(), &wb).ok());
  }
  archiver.RunOnce();
  auto st = archiver.status();
  REQUIRE(st.archived_count >= 4);
  REQUIRE(st.last_archived_ts == 3500);

  SECTION("to a timestamp") {
    auto db = Store::Open(base);
    auto r = ReplayArchive(*db, archive, base_seq, ReplayTarget{2000, std::nullopt});
    REQUIRE(r.target_passed);
    REQUIRE(db->Get(Cf::kRows, "a", Timestamp::Max()));
    REQUIRE(db->Get(Cf::kRows, "b", Timestamp::Max()));
    REQUIRE_FALSE(db->Get(Cf::kRows, "c", Timestamp::Max()));
    REQUIRE(db->Get(Cf::kRows, "d", Timestamp::Max()) == std::string("vd"));  // split out of a merged batch
    REQUIRE_FALSE(db->Get(Cf::kRows, "e", Timestamp::Max()));
  }
  SECTION("to a restore point") {
    REQUIRE(FindRestorePoint(archive, "mid") == 2500u);
    auto db = Store::Open(base);
    ReplayArchive(*db, archive, base_seq, ReplayTarget{std::nullopt, std::string("mid")});
    REQUIRE(db->Get(Cf::kRows, "b", Timestamp::Max()));
    REQUIRE_FALSE(db->Get(Cf::kRows, "c", Timestamp::Max()));
    REQUIRE_THROWS_WITH(ReplayArchive(*db, archive, base_seq, ReplayTarget{std::nullopt, std::string("nope")}),
                        Catch::Contains("nope"));
  }
  SECTION("to the end") {
    auto db = Store::Open(base);
    auto r = ReplayArchive(*db, archive, base_seq, ReplayTarget{});
    REQUIRE_FALSE(r.target_passed);
    REQUIRE(db->Get(Cf::kRows, "c", Timestamp::Max()) == std::string("vc"));
    REQUIRE(db->Get(Cf::kRows, "e", Timestamp::Max()) == std::string("ve"));
  }
  SECTION("an archive that does not reach back to the backup is refused") {
    auto db = Store::Open(base);
    REQUIRE_THROWS_WITH(ReplayArchive(*db, archive, 0, ReplayTarget{}), Catch::Contains("does not continue"));
  }
}
