// Encryption at rest: sealed values, what is stored, and key rotation, on
// both engines.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/secrets.h"
#include "store/dossier_service.h"
#include "store/reseal.h"
#include "store/consent_service.h"
#include "store/trajectory_service.h"
#include "test_support.h"

namespace spiraal::testing {
namespace {

std::string key_bytes() { return random_token(16); }  // 32 characters serve as 32 key bytes

TEST(FieldCipher, SealedValue_OpensAndDiffersEveryTime) {
  FieldCipher fc("k1", key_bytes());
  std::string a = fc.seal("Schulden bij de energieleverancier");
  EXPECT_TRUE(a.starts_with("enc:1:k1:"));
  EXPECT_NE(a, fc.seal("Schulden bij de energieleverancier"));
  EXPECT_EQ(fc.open(a), "Schulden bij de energieleverancier");
  EXPECT_EQ(fc.open(fc.seal("")), "");
}

TEST(FieldCipher, TamperedOrRelabelledValues_DoNotOpen) {
  FieldCipher fc("k1", key_bytes(), {{"k0", key_bytes()}});
  std::string v = fc.seal("geheim");
  std::string flipped = v;
  flipped[flipped.size() - 3] = flipped[flipped.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_THROW(fc.open(flipped), std::runtime_error);
  std::string relabelled = "enc:1:k0:" + v.substr(9);
  EXPECT_THROW(fc.open(relabelled), std::runtime_error);
  EXPECT_THROW(fc.open("enc:1:zz:abcd"), std::runtime_error);
  EXPECT_EQ(fc.open("plain text from before"), "plain text from before");
}

TEST(FieldCipher, KeyFile_IsCreatedPrivateAndRotated) {
  auto dir = std::filesystem::temp_directory_path() / ("spiraal-key-" + random_token(6));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "k.key").string();
  EXPECT_FALSE(FieldCipher::from_file(path, false).is_ok());
  auto first = FieldCipher::from_file(path, true);
  ASSERT_TRUE(first.is_ok());
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::group_all,
            std::filesystem::perms::none);
  std::string sealed = first.value()->seal("x");
  auto id = FieldCipher::prepend_new_key(path);
  ASSERT_TRUE(id.is_ok());
  auto both = FieldCipher::from_file(path, false).value();
  EXPECT_EQ(both->current_id(), id.value());
  EXPECT_EQ(both->open(sealed), "x");
  ASSERT_TRUE(FieldCipher::keep_only_current(path).is_ok());
  EXPECT_THROW(FieldCipher::from_file(path, false).value()->open(sealed), std::runtime_error);
  std::ofstream(path) << "not a key\n";
  EXPECT_FALSE(FieldCipher::from_file(path, false).is_ok());
  std::filesystem::remove_all(dir);
}

class EncryptionTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    db_ = TestDb::create(GetParam());
    SPIRAAL_REQUIRE_DB(db_);
    coach_ = add_user(db_->store(), "coach.a", Role::kCoach, "Team Noord");
    DossierService dossiers(db_->store());
    TrajectoryService trajectories(db_->store(), dossiers);
    auto p = coach_.principal();
    id_ = dossiers
              .create(p, {{"first_name", "Ann"},
                          {"last_name", "P"},
                          {"birth_date", "1985-01-01"},
                          {"origin", "GEHEIM-ORIGIN"},
                          {"life_history", "GEHEIM-LEVEN"},
                          {"welfare", {{"health", {{"strengths", "GEHEIM-GEZONDHEID"}}}}}})
              ->id;
    dossiers.add_contact(p, id_, {{"date", "2026-01-01"}, {"kind", "phone"}, {"status", "held"},
                                  {"initiative", "coach"}, {"note", "GEHEIM-NOTITIE"}});
    trajectories.open_crisis(p, id_, {{"cause", "GEHEIM-CRISIS"}, {"started_on", "2026-01-02"}});
    trajectories.save_screening(p, id_, {{"mmpp", {{"present", true}, {"service", "GEHEIM-DIENST"}, {"consent", true},
                                                   {"consent_on", "2026-01-01"}}}});
    ConsentService consents(db_->store(), dossiers);
    auto partner = add_user(db_->store(), "partner", Role::kPartner, "CAW");
    consents.record(p, id_, {{"recipient_id", partner.user.id}, {"purpose", "GEHEIM-DOEL"}, {"scope", {"welfare"}}});
    auto coordinator = add_user(db_->store(), "coord", Role::kCoordinator, "Team Zuid");
    consents.break_glass(coordinator.principal(), id_, {{"reason", "GEHEIM-REDEN van de noodtoegang"}});
  }
  // Every stored value of every sealed column, as text.
  std::string everything_stored() {
    std::string all;
    auto c = db_->store().pool().acquire();
    for (const auto& col : sealed_columns()) {
      auto r = c->query(std::string("SELECT ") + col.column + " FROM " + col.table);
      for (size_t i = 0; i < r.size(); ++i) all += r.text(i, 0) + "\n";
    }
    return all;
  }

  std::unique_ptr<TestDb> db_;
  TestUser coach_;
  int64_t id_ = 0;
};

TEST_P(EncryptionTest, SensitiveText_IsNeverStoredInPlainText) {
  std::string stored = everything_stored();
  EXPECT_EQ(stored.find("GEHEIM"), std::string::npos);
  EXPECT_NE(stored.find("enc:1:"), std::string::npos);
  // …and reads back through the store.
  auto j = db_->store().jobseeker(id_).value();
  EXPECT_EQ(j.life_history, "GEHEIM-LEVEN");
  EXPECT_EQ(db_->store().contacts(id_, 10, 0).items[0].note, "GEHEIM-NOTITIE");
}

TEST_P(EncryptionTest, Rotation_ResealsEveryValueUnderTheNewKey) {
  std::string new_key = key_bytes();
  auto both = std::make_shared<FieldCipher>("t2", new_key, std::map<std::string, std::string>{{"t1", db_->key()}});
  auto store = Store::open(db_->address(), 2, both).value();
  int64_t resealed = reseal_all(*store, 2);  // tiny batches: many transactions
  // profile, narrative, one dossier version, the note, screening conditions
  // and MMPP, the crisis cause, the consent's purpose, the break-the-glass
  // reason.
  EXPECT_EQ(resealed, 9);
  std::string stored = everything_stored();
  EXPECT_EQ(stored.find("enc:1:t1:"), std::string::npos);
  EXPECT_EQ(stored.find("GEHEIM"), std::string::npos);
  EXPECT_EQ(reseal_all(*store), 0);  // nothing left under the old key
  // Only the new key is needed from now on.
  auto only_new = Store::open(db_->address(), 2, std::make_shared<FieldCipher>("t2", new_key)).value();
  EXPECT_EQ(only_new->jobseeker(id_)->life_history, "GEHEIM-LEVEN");
  EXPECT_EQ(only_new->jobseeker_versions(id_).size(), 1u);
  EXPECT_EQ(TrajectoryStore(*only_new).crises(id_)[0].cause, "GEHEIM-CRISIS");
  EXPECT_EQ(TrajectoryStore(*only_new).screening(id_)->mmpp.service, "GEHEIM-DIENST");
  // The old key alone no longer opens anything.
  auto only_old = Store::open(db_->address(), 2, std::make_shared<FieldCipher>("t1", db_->key())).value();
  EXPECT_THROW(only_old->jobseeker(id_), std::runtime_error);
}

INSTANTIATE_TEST_SUITE_P(Engines, EncryptionTest, kEngines, engine_name);

}  // namespace
}  // namespace spiraal::testing
