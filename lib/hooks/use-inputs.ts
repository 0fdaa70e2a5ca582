"use client";

import { useState } from "react";
import type { CreateInputResponse, InputView } from "@/lib/api/views";
import { MAX_INPUT_UPLOAD_BYTES } from "@/lib/api/input-limits";
import { apiPost, apiPostForm, errorText } from "@/lib/http/api-client";
import { MAX_INPUTS_PER_RUN } from "@/lib/models/run-limits";

/** Uploads one picture as multipart field `file`; the server sniffs its type from the bytes. */
export async function uploadInput(file: Blob, name = "image"): Promise<InputView> {
  const form = new FormData();
  form.append("file", file, name);
  return (await apiPostForm<CreateInputResponse>("/api/inputs", form)).input;
}

/** "Edit this image": an input made of an image Prism stored, without sending its bytes again. */
export async function inputFromImage(imageId: string): Promise<InputView> {
  return (await apiPost<CreateInputResponse>("/api/inputs", { fromImageId: imageId })).input;
}

const MEGABYTES = MAX_INPUT_UPLOAD_BYTES / 1024 / 1024;

/** A pending upload, shown as a placeholder until the server answers. */
export interface PendingInput {
  key: string;
  name: string;
}

/**
 * The next run's input images, in order: add (files, a stored image), remove, move, clear. Uploads
 * go one at a time in the order given; each refusal is kept as a message naming the file and what
 * the server said (too large, not an image, too small…), until the next addition.
 */
export function useInputs(initial: InputView[] = []) {
  const [inputs, setInputs] = useState<InputView[]>(initial);
  const [pending, setPending] = useState<PendingInput[]>([]);
  const [errors, setErrors] = useState<string[]>([]);

  const append = (input: InputView) =>
    setInputs((current) =>
      current.some((entry) => entry.id === input.id)
        ? current
        : [...current, input].slice(0, MAX_INPUTS_PER_RUN),
    );

  const run = async (name: string, create: () => Promise<InputView>, replace = false) => {
    const key = `${Date.now()}-${Math.random()}`;
    setPending((current) => [...current, { key, name }]);
    try {
      const input = await create();
      if (replace) setInputs([input]);
      else append(input);
    } catch (error) {
      setErrors((current) => [...current, `${name}: ${errorText(error as Error)}`]);
    } finally {
      setPending((current) => current.filter((entry) => entry.key !== key));
    }
  };

  return {
    inputs,
    pending,
    errors,
    full: inputs.length + pending.length >= MAX_INPUTS_PER_RUN,
    async addFiles(files: File[]) {
      setErrors([]);
      const room = MAX_INPUTS_PER_RUN - inputs.length - pending.length;
      const taken = files.slice(0, Math.max(0, room));
      const refused = files.length - taken.length;
      if (refused > 0)
        setErrors([`A run takes at most ${MAX_INPUTS_PER_RUN} input images: ${refused} left out`]);
      for (const file of taken) {
        // Refused here rather than after sending 10 MB the server would refuse anyway.
        if (file.size > MAX_INPUT_UPLOAD_BYTES) {
          setErrors((current) => [...current, `${file.name}: larger than ${MEGABYTES} MB`]);
          continue;
        }
        await run(file.name || "Pasted image", () => uploadInput(file, file.name || "pasted-image"));
      }
    },
    /** "Edit this image": the next run edits that stored image alone. */
    async editImage(imageId: string) {
      setErrors([]);
      await run("That image", () => inputFromImage(imageId), true);
    },
    remove: (id: string) => setInputs((current) => current.filter((input) => input.id !== id)),
    move(id: string, delta: number) {
      setInputs((current) => {
        const from = current.findIndex((input) => input.id === id);
        const to = from + delta;
        if (from === -1 || to < 0 || to >= current.length) return current;
        const next = [...current];
        [next[from], next[to]] = [next[to]!, next[from]!];
        return next;
      });
    },
    /** Replaces the list (Edit & re-run loads a run's inputs). */
    set: (next: InputView[]) => {
      setInputs(next);
      setErrors([]);
    },
    clear: () => {
      setInputs([]);
      setErrors([]);
    },
    dismissErrors: () => setErrors([]),
  };
}

export type InputsState = ReturnType<typeof useInputs>;
