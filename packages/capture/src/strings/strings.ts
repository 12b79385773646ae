/**
 * Every text the element shows, in English, Bahasa Indonesia, Bahasa Melayu and Traditional Chinese (the users of
 * the API's four regions). `{percent}`, `{code}` and `{reason}` are filled in at run time. Apps override any key
 * with the element's `strings` property.
 */
export const STRINGS = {
  en: {
    title: "Take a selfie to verify it's you",
    intro:
      "We take one photo of your face to check that you are really here. Hold your phone upright, face the light, and take off sunglasses, masks and hats.",
    start: "Start camera",
    starting: "Starting the camera…",
    loadingGuide: "Getting face guidance ready…",
    videoLabel: "Camera preview",
    noFace: "No face in view. Look at the camera.",
    manyFaces: "Make sure only one person is in view.",
    tooFar: "Move closer: your face should fill the oval.",
    tooClose: "Move back a little.",
    offCentre: "Centre your face in the oval.",
    turned: "Look straight at the camera.",
    tilted: "Keep your head level.",
    tooDark: "Too dark. Find more light, facing a window or a lamp.",
    tooBright: "Too bright. Step out of direct light.",
    backlit: "The light is behind you. Turn to face the light.",
    blurry: "Hold still: the picture is blurry.",
    holdStill: "Perfect. Hold still…",
    shutter: "Take photo",
    preparing: "Photo taken. Preparing it…",
    sending: "Sending your photo… {percent}%",
    progressLabel: "Upload progress",
    waiting: "Checking your photo…",
    passed: "Check complete: you passed.",
    notPassed: "Not passed. We could not confirm a live person in this photo.",
    tryAgain: "Try again",
    choosePhoto: "Choose a photo instead",
    photoIntro: "Choose a clear, recent photo of only your face, looking straight at the camera.",
    checkingPhoto: "Checking the photo…",
    photoProblem: "This photo cannot be used. {reason}",
    cameraDenied:
      "Camera access is blocked. Allow the camera in your browser's settings, or choose a photo instead.",
    noCamera: "No camera was found. You can choose a photo instead.",
    cameraFailed: "The camera could not start. You can try again or choose a photo instead.",
    guideFailed: "Face guidance could not start. Line up your face and press Take photo.",
    network: "We could not reach the service. Check your connection and try again.",
    refused: "The service refused the photo ({code}).",
    busy: "The service is busy. Please try again in a moment.",
    setupError: "This page is not set up correctly ({code}).",
  },
  id: {
    title: "Ambil swafoto untuk memastikan ini Anda",
    intro:
      "Kami mengambil satu foto wajah Anda untuk memastikan Anda benar-benar ada di sini. Pegang ponsel tegak, hadap ke arah cahaya, dan lepaskan kacamata hitam, masker, dan topi.",
    start: "Nyalakan kamera",
    starting: "Menyalakan kamera…",
    loadingGuide: "Menyiapkan panduan wajah…",
    videoLabel: "Pratinjau kamera",
    noFace: "Tidak ada wajah terlihat. Lihat ke kamera.",
    manyFaces: "Pastikan hanya satu orang yang terlihat.",
    tooFar: "Mendekatlah: wajah Anda harus memenuhi oval.",
    tooClose: "Mundur sedikit.",
    offCentre: "Posisikan wajah Anda di tengah oval.",
    turned: "Lihat lurus ke kamera.",
    tilted: "Jaga kepala Anda tetap tegak.",
    tooDark: "Terlalu gelap. Cari cahaya lebih terang, menghadap jendela atau lampu.",
    tooBright: "Terlalu terang. Menjauhlah dari cahaya langsung.",
    backlit: "Cahaya ada di belakang Anda. Berbaliklah menghadap cahaya.",
    blurry: "Jangan bergerak: gambarnya buram.",
    holdStill: "Bagus. Jangan bergerak…",
    shutter: "Ambil foto",
    preparing: "Foto diambil. Sedang disiapkan…",
    sending: "Mengirim foto Anda… {percent}%",
    progressLabel: "Kemajuan unggahan",
    waiting: "Memeriksa foto Anda…",
    passed: "Pemeriksaan selesai: Anda lolos.",
    notPassed: "Tidak lolos. Kami tidak dapat memastikan ada orang sungguhan di foto ini.",
    tryAgain: "Coba lagi",
    choosePhoto: "Pilih foto saja",
    photoIntro: "Pilih foto terbaru yang jelas, hanya wajah Anda, menghadap lurus ke kamera.",
    checkingPhoto: "Memeriksa foto…",
    photoProblem: "Foto ini tidak dapat digunakan. {reason}",
    cameraDenied: "Akses kamera diblokir. Izinkan kamera di pengaturan browser Anda, atau pilih foto saja.",
    noCamera: "Kamera tidak ditemukan. Anda dapat memilih foto saja.",
    cameraFailed: "Kamera tidak dapat dinyalakan. Coba lagi atau pilih foto saja.",
    guideFailed: "Panduan wajah tidak dapat dimulai. Posisikan wajah Anda lalu tekan Ambil foto.",
    network: "Kami tidak dapat menghubungi layanan. Periksa koneksi Anda dan coba lagi.",
    refused: "Layanan menolak foto ini ({code}).",
    busy: "Layanan sedang sibuk. Silakan coba lagi sebentar lagi.",
    setupError: "Halaman ini belum diatur dengan benar ({code}).",
  },
  ms: {
    title: "Ambil swafoto untuk mengesahkan ini anda",
    intro:
      "Kami mengambil satu foto wajah anda untuk memastikan anda benar-benar berada di sini. Pegang telefon secara menegak, menghadap cahaya, dan tanggalkan cermin mata hitam, pelitup muka dan topi.",
    start: "Hidupkan kamera",
    starting: "Menghidupkan kamera…",
    loadingGuide: "Menyediakan panduan wajah…",
    videoLabel: "Pratonton kamera",
    noFace: "Tiada wajah kelihatan. Pandang ke kamera.",
    manyFaces: "Pastikan hanya seorang sahaja yang kelihatan.",
    tooFar: "Dekatkan diri: wajah anda patut memenuhi bujur.",
    tooClose: "Undur sedikit.",
    offCentre: "Letakkan wajah anda di tengah bujur.",
    turned: "Pandang terus ke kamera.",
    tilted: "Pastikan kepala anda lurus.",
    tooDark: "Terlalu gelap. Cari tempat yang lebih terang, menghadap tingkap atau lampu.",
    tooBright: "Terlalu terang. Jauhkan diri daripada cahaya terus.",
    backlit: "Cahaya berada di belakang anda. Pusing untuk menghadap cahaya.",
    blurry: "Jangan bergerak: gambar kabur.",
    holdStill: "Bagus. Jangan bergerak…",
    shutter: "Ambil foto",
    preparing: "Foto telah diambil. Sedang disediakan…",
    sending: "Menghantar foto anda… {percent}%",
    progressLabel: "Kemajuan muat naik",
    waiting: "Menyemak foto anda…",
    passed: "Semakan selesai: anda lulus.",
    notPassed: "Tidak lulus. Kami tidak dapat mengesahkan orang sebenar dalam foto ini.",
    tryAgain: "Cuba lagi",
    choosePhoto: "Pilih foto sahaja",
    photoIntro: "Pilih foto terkini yang jelas, hanya wajah anda, memandang terus ke kamera.",
    checkingPhoto: "Menyemak foto…",
    photoProblem: "Foto ini tidak boleh digunakan. {reason}",
    cameraDenied: "Akses kamera disekat. Benarkan kamera dalam tetapan pelayar anda, atau pilih foto sahaja.",
    noCamera: "Tiada kamera ditemui. Anda boleh memilih foto sahaja.",
    cameraFailed: "Kamera tidak dapat dihidupkan. Cuba lagi atau pilih foto sahaja.",
    guideFailed: "Panduan wajah tidak dapat dimulakan. Letakkan wajah anda dan tekan Ambil foto.",
    network: "Kami tidak dapat menghubungi perkhidmatan. Semak sambungan anda dan cuba lagi.",
    refused: "Perkhidmatan menolak foto ini ({code}).",
    busy: "Perkhidmatan sedang sibuk. Sila cuba lagi sebentar lagi.",
    setupError: "Halaman ini tidak disediakan dengan betul ({code}).",
  },
  "zh-Hant": {
    title: "自拍一張，確認是您本人",
    intro: "我們會拍一張您的臉部照片，確認是您本人在場。請直立手機、面向光源，並摘下墨鏡、口罩和帽子。",
    start: "開啟相機",
    starting: "正在開啟相機…",
    loadingGuide: "正在準備臉部引導…",
    videoLabel: "相機預覽",
    noFace: "畫面中沒有臉。請看向相機。",
    manyFaces: "請確保畫面中只有一個人。",
    tooFar: "請靠近一點：臉部應填滿橢圓框。",
    tooClose: "請稍微後退。",
    offCentre: "請將臉部置於橢圓框中央。",
    turned: "請直視相機。",
    tilted: "請保持頭部端正。",
    tooDark: "太暗了。請到更亮的地方，面向窗戶或燈光。",
    tooBright: "太亮了。請避開直射光。",
    backlit: "光源在您身後。請轉身面向光源。",
    blurry: "請保持不動：畫面模糊。",
    holdStill: "很好，請保持不動…",
    shutter: "拍照",
    preparing: "已拍照，正在處理…",
    sending: "正在傳送照片… {percent}%",
    progressLabel: "上傳進度",
    waiting: "正在檢查您的照片…",
    passed: "檢查完成：已通過。",
    notPassed: "未通過。我們無法確認照片中是真人。",
    tryAgain: "再試一次",
    choosePhoto: "改為選擇照片",
    photoIntro: "請選擇一張清晰的近照，只有您的臉，並直視相機。",
    checkingPhoto: "正在檢查照片…",
    photoProblem: "這張照片無法使用。{reason}",
    cameraDenied: "相機權限已被封鎖。請在瀏覽器設定中允許使用相機，或改為選擇照片。",
    noCamera: "找不到相機。您可以改為選擇照片。",
    cameraFailed: "無法開啟相機。您可以再試一次或改為選擇照片。",
    guideFailed: "無法啟動臉部引導。請對準臉部後按「拍照」。",
    network: "無法連線到服務。請檢查網路連線後再試一次。",
    refused: "服務拒絕了這張照片（{code}）。",
    busy: "服務忙碌中，請稍後再試。",
    setupError: "此頁面設定有誤（{code}）。",
  },
} as const;

/** A locale the element ships strings for. */
export type CaptureLocale = keyof typeof STRINGS;
/** The name of one text. */
export type StringKey = keyof (typeof STRINGS)["en"];
/** A full table of texts. */
export type CaptureStrings = Record<StringKey, string>;

/** The shipped locales, in the order the element tries them. */
export const LOCALES = Object.keys(STRINGS) as CaptureLocale[];

/**
 * The shipped locale that best fits a BCP 47 tag: `zh-TW`, `zh-HK` and `zh-Hant-*` give `zh-Hant`, `in` (the old
 * code) and `id-*` give `id`, `ms-*` gives `ms`; anything else English.
 */
export function pickLocale(tag: string | null | undefined): CaptureLocale {
  const lower = (tag ?? "").toLowerCase();
  if (/^zh(-hant|-tw|-hk|-mo)/.test(lower)) return "zh-Hant";
  if (/^(id|in)(-|$)/.test(lower)) return "id";
  if (/^ms(-|$)/.test(lower)) return "ms";
  return "en";
}

/** The texts for a locale with the app's overrides on top (unknown keys and non-strings are ignored). */
export function resolveStrings(
  locale: string | null | undefined,
  overrides?: Partial<Record<string, unknown>>,
): CaptureStrings {
  const table: CaptureStrings = { ...STRINGS[pickLocale(locale)] };
  for (const key of Object.keys(table) as StringKey[]) {
    const value = overrides?.[key];
    if (typeof value === "string") table[key] = value;
  }
  return table;
}

/** Fills `{name}` placeholders; an unknown name stays as written. */
export function formatString(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
