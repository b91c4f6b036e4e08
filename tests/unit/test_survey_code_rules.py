"""Survey codes (issue 18): 65-bit codes, stored only salted; older 40-bit codes still answer once."""

import hashlib

from sanshu_app.rules.meeting import CODE_ALPHABET, format_code, new_code
from sanshu_app.rules.supervision import salted_code_hash, survey_code_digest, survey_code_hash

SALT = "site-secret"


def test_a_survey_code_is_a_65_bit_ballot_code_typed_forgivingly():
	code = format_code(new_code())
	bare = code.replace("-", "")
	assert len(bare) * 5 >= 60 and set(bare) <= set(CODE_ALPHABET)
	assert survey_code_hash(code, SALT) == survey_code_hash(" " + bare.lower() + " ", SALT)


def test_what_is_stored_is_salted_never_the_plain_hash():
	code = format_code(new_code())
	stored = survey_code_hash(code, SALT)
	assert stored != hashlib.sha256(code.replace("-", "").encode()).hexdigest()
	assert stored != survey_code_digest(code)
	assert stored != survey_code_hash(code, "another site")  # the salt is the site's


def test_an_older_hex_code_rehashed_by_the_patch_still_matches():
	old_code = "A1B2C3D4E5"  # 40 bits, as issued before
	old_stored = hashlib.sha256(old_code.encode()).hexdigest()  # what the table held
	patched = salted_code_hash(old_stored, SALT)  # what the patch writes
	assert survey_code_hash("a1b2c3d4e5 ", SALT) == patched
