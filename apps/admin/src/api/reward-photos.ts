import { refusal } from './download-export';

// Reward photos travel as bytes over plain HTTP (see the service's reward-photo routes), with
// this tab's bearer token like every other call.

export type UploadedPhoto = { photoUrl: string; width: number; height: number };

export async function uploadRewardPhoto({
  rewardId,
  file,
  token,
}: {
  rewardId: string;
  file: Blob;
  token: string | null;
}): Promise<UploadedPhoto> {
  const response = await fetch(`/reward-photos/${rewardId}`, {
    method: 'PUT',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: file,
  });
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as UploadedPhoto;
}

export async function removeRewardPhoto({
  rewardId,
  token,
}: {
  rewardId: string;
  token: string | null;
}): Promise<void> {
  const response = await fetch(`/reward-photos/${rewardId}`, {
    method: 'DELETE',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw await refusal(response);
}

/**
 * The photo as a data: address an <img> can show (an <img src> cannot send the token, and the
 * content policy allows data: images). Photo addresses name their version, so this never changes.
 */
export async function rewardPhotoDataUrl(url: string, token: string | null): Promise<string> {
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw await refusal(response);
  const blob = await response.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
