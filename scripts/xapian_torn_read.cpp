// Readers of a glass database while one writer commits in a tight loop: do readers more than one
// revision behind ever read a block the writer is rewriting without Xapian noticing? Xapian
// only, no Vanban code (docs/RELIABILITY.md, "A reader two revisions behind"). Prints the
// counts; a torn block shows as a DatabaseCorruptError of a sound database, or under ASan as a
// heap-buffer-overflow.
//   clang++ -std=c++20 -O1 -g -fsanitize=address scripts/xapian_torn_read.cpp -o torn -lxapian
//   ./torn /tmp/torn-db 60          # seconds; "fresh" as a third argument reopens every search
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>
int main(int argc, char** argv) {
  const std::string dir = argv[1];
  const int seconds = argc > 2 ? std::atoi(argv[2]) : 30;
  const bool reopen_each = argc > 3 && std::string(argv[3]) == "fresh";
  {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
    for (int i = 0; i < 2000; ++i) {
      Xapian::Document d;
      d.add_value(1, "2025-" + std::to_string(i % 12) + "-" + std::to_string(i));
      d.add_term("Qid" + std::to_string(i));
      for (int w = 0; w < 20; ++w)
        d.add_posting("w" + std::to_string((i * 7 + w) % 500), w + 1);
      d.set_data(std::string(200 + i % 300, 'x'));
      db.add_document(d);
    }
    db.commit();
  }
  std::atomic<bool> stop{false};
  std::atomic<long> modified{0}, corrupt{0}, other{0}, reads{0}, commits{0};
  std::thread writer([&] {
    Xapian::WritableDatabase db(dir, Xapian::DB_OPEN);
    std::mt19937 rng(1);
    while (!stop) {
      Xapian::docid did = rng() % 2000 + 1;
      Xapian::Document d;
      d.add_value(1, "2026-" + std::to_string(rng() % 1000000));
      d.add_term("Qid" + std::to_string(did - 1));
      for (int w = 0; w < 20; ++w)
        d.add_posting("w" + std::to_string(rng() % 500), w + 1);
      d.set_data(std::string(200 + rng() % 300, 'y'));
      db.replace_document(did, d);
      db.commit();
      ++commits;
    }
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&, t] {
      Xapian::Database db(dir);
      std::mt19937 rng(100 + t);
      auto reopen = [&] {
        for (;;) {
          try {
            db.reopen();
            return;
          } catch (const Xapian::Error&) {
            ++other;
          }
        }
      };
      while (!stop) {
        try {
          if (reopen_each) reopen();
          Xapian::Enquire enquire(db);
          enquire.set_query(Xapian::Query("w" + std::to_string(rng() % 500)));
          enquire.set_sort_by_value(1, true);
          Xapian::MSet mset = enquire.get_mset(0, 20);
          for (auto it = mset.begin(); it != mset.end(); ++it)
            (void)it.get_document().get_value(1);
          ++reads;
        } catch (const Xapian::DatabaseModifiedError&) {
          ++modified;
          reopen();
        } catch (const Xapian::DatabaseCorruptError& e) {
          if (++corrupt < 10) std::fprintf(stderr, "corrupt: %s\n", e.get_description().c_str());
          reopen();
        } catch (const Xapian::Error& e) {
          if (++other < 10) std::fprintf(stderr, "other: %s\n", e.get_description().c_str());
          reopen();
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  stop = true;
  writer.join();
  for (auto& r : readers)
    r.join();
  std::printf("commits %ld reads %ld modified %ld corrupt %ld other %ld\n", commits.load(),
              reads.load(), modified.load(), corrupt.load(), other.load());
}
