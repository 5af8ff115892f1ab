DROP TABLE api_key_reveals;
DROP TABLE api_keys;
