// Known answers for the signers, each from a source independent of this code.

/** Alibaba Cloud's published V3 worked example (shared/spec/signature-v3.md), byte for byte. */
export const PUBLISHED_V3 = {
  method: "POST",
  url: "https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
  accessKeyId: "YourAccessKeyId",
  accessKeySecret: "YourAccessKeySecret",
  action: "RunInstances",
  version: "2014-05-26",
  date: "2023-10-26T10:22:32Z",
  nonce: "3156853299f313e23d1673dc12e1703d",
  headers: {
    host: "ecs.cn-shanghai.aliyuncs.com",
    "x-acs-action": "RunInstances",
    "x-acs-version": "2014-05-26",
    "x-acs-date": "2023-10-26T10:22:32Z",
    "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
    "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  },
  canonicalQuery: "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
  canonicalHeaders:
    "host:ecs.cn-shanghai.aliyuncs.com\n" +
    "x-acs-action:RunInstances\n" +
    "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n" +
    "x-acs-date:2023-10-26T10:22:32Z\n" +
    "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n" +
    "x-acs-version:2014-05-26\n",
  signedHeaders: "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
  canonicalRequest:
    "POST\n" +
    "/\n" +
    "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n" +
    "host:ecs.cn-shanghai.aliyuncs.com\n" +
    "x-acs-action:RunInstances\n" +
    "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n" +
    "x-acs-date:2023-10-26T10:22:32Z\n" +
    "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n" +
    "x-acs-version:2014-05-26\n" +
    "\n" +
    "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n" +
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  canonicalRequestHash: "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
  signature: "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
  authorization:
    "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
} as const;

/** Alibaba Cloud's published V2 (HMAC-SHA1) example (shared/spec/signature-v3.md). */
export const PUBLISHED_V2 = {
  method: "GET",
  accessKeySecret: "testsecret",
  params: {
    AccessKeyId: "testid",
    Action: "DescribeRegions",
    Format: "XML",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
    SignatureVersion: "1.0",
    Timestamp: "2016-02-23T12:46:24Z",
    Version: "2014-05-26",
  },
  stringToSign:
    "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
  signature: "OLeaidS1JvxuMvnyHOwuJ+uX5qY=",
} as const;

/**
 * A FaceLivenessV2 request signed once with the official signer (`getAuthorization` of @alicloud/openapi-core
 * 1.0.8, the body hashed and the headers set as its client does), and written as its client sends it: query
 * and form body through Node's querystring, which leaves ! ' ( ) * unencoded.
 */
export const OFFICIAL_SDK_REQUEST = {
  method: "POST",
  url: "https://cloudauth-intl.ap-southeast-1.aliyuncs.com/?ProductCode=FACE_LIVENESS_MIN_PRO&MerchantBizId=Ab12Cd34&MerchantUserId=u!'()*~%20%C3%A9%2B%2F%3D%26x&FaceQualityCheck=Y",
  body: "FacePictureBase64=iVBORw0KGgo%2B%2FAAA%3D",
  accessKeyId: "FixtureKeyId",
  accessKeySecret: "FixtureKeySecret",
  action: "FaceLivenessV2",
  version: "2022-08-09",
  date: "2025-01-02T03:04:05Z",
  nonce: "0123456789abcdef0123456789abcdef",
  headers: {
    host: "cloudauth-intl.ap-southeast-1.aliyuncs.com",
    "x-acs-version": "2022-08-09",
    "x-acs-action": "FaceLivenessV2",
    "user-agent": "AlibabaCloud (test)",
    "x-acs-date": "2025-01-02T03:04:05Z",
    "x-acs-signature-nonce": "0123456789abcdef0123456789abcdef",
    accept: "application/json",
    "content-type": "application/x-www-form-urlencoded",
    "x-acs-content-sha256": "7003dcb63e122593a3ded2f36e4a6e219270ee8577dc83aa6833666c176f3fb4",
  },
  authorization:
    "ACS3-HMAC-SHA256 Credential=FixtureKeyId,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=ff24870aa4038da1d33a00f06ea613dc5401d6beb49a4b8cb4d8c89eccd660b6",
} as const;
